/**
 * Minimal typings for npm `backblaze-b2` 1.7.1 (it ships none): only what this provider calls.
 * Every method resolves to the axios response; `axios` / `axiosOverride` are deep-merged into the
 * request (lodash `_.merge`), which is how extra JSON fields (e.g. `fileInfo`) and `signal` reach it.
 */
declare module 'backblaze-b2' {
  interface LibResponse<T> {
    status: number;
    data: T;
    headers: Record<string, unknown>;
  }

  interface LibCallArgs {
    axios?: Record<string, unknown>;
    axiosOverride?: Record<string, unknown>;
  }

  interface LibOptions {
    applicationKeyId: string;
    applicationKey: string;
    axios?: Record<string, unknown>;
    retry?: { retries: number };
  }

  class B2 {
    constructor(options: LibOptions);
    accountId: string | undefined;
    authorizationToken: string | null;
    apiUrl: string | null;
    downloadUrl: string | null;
    listBuckets(args?: LibCallArgs): Promise<LibResponse<unknown>>;
    getBucket(args: LibCallArgs & { bucketName?: string; bucketId?: string }): Promise<LibResponse<unknown>>;
    createBucket(args: LibCallArgs & { bucketName: string; bucketType: string }): Promise<LibResponse<unknown>>;
    deleteBucket(args: LibCallArgs & { bucketId: string }): Promise<LibResponse<unknown>>;
    getUploadUrl(args: LibCallArgs & { bucketId: string }): Promise<LibResponse<unknown>>;
    uploadFile(
      args: LibCallArgs & {
        uploadUrl: string;
        uploadAuthToken: string;
        fileName: string;
        data: unknown;
        contentLength?: number;
        hash: string;
        mime?: string;
        info?: Record<string, string>;
      },
    ): Promise<LibResponse<unknown>>;
    listFileNames(
      args: LibCallArgs & {
        bucketId: string;
        startFileName?: string;
        maxFileCount?: number;
        prefix?: string;
        delimiter?: string | null;
      },
    ): Promise<LibResponse<unknown>>;
    listFileVersions(
      args: LibCallArgs & { bucketId: string; startFileName?: string; startFileId?: string; maxFileCount?: number },
    ): Promise<LibResponse<unknown>>;
    hideFile(args: LibCallArgs & { bucketId: string; fileName: string }): Promise<LibResponse<unknown>>;
    getFileInfo(args: LibCallArgs & { fileId: string }): Promise<LibResponse<unknown>>;
    getDownloadAuthorization(
      args: LibCallArgs & { bucketId: string; fileNamePrefix: string; validDurationInSeconds: number },
    ): Promise<LibResponse<unknown>>;
    deleteFileVersion(args: LibCallArgs & { fileId: string; fileName: string }): Promise<LibResponse<unknown>>;
    startLargeFile(
      args: LibCallArgs & { bucketId: string; fileName: string; contentType?: string },
    ): Promise<LibResponse<unknown>>;
    getUploadPartUrl(args: LibCallArgs & { fileId: string }): Promise<LibResponse<unknown>>;
    uploadPart(
      args: LibCallArgs & {
        uploadUrl: string;
        uploadAuthToken: string;
        partNumber: number;
        data: unknown;
        contentLength?: number;
        hash: string;
      },
    ): Promise<LibResponse<unknown>>;
    finishLargeFile(args: LibCallArgs & { fileId: string; partSha1Array: string[] }): Promise<LibResponse<unknown>>;
    cancelLargeFile(args: LibCallArgs & { fileId: string }): Promise<LibResponse<unknown>>;
    listParts(
      args: LibCallArgs & { fileId: string; startPartNumber?: number; maxPartCount?: number },
    ): Promise<LibResponse<unknown>>;
  }

  export = B2;
}
