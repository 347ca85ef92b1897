/**
 * Signing in to B2, below every front end: the CLI commands (`signIn`), the file manager's
 * profiles (`authorize`) and the account wizard (`verifyCredentials`), with one classification
 * of what went wrong (`signInFailure`).
 */
export { authorize, verifyCredentials, type AuthorizeOptions, type Credentials } from './authorize.js';
export { signIn, type SignedIn, type SignInIdentity, type SignInRequest } from './sign-in.js';
export { NoCredentialsError, signInFailure, type SignInFailure, type SignInFailureKind } from './sign-in-failure.js';
