/** Theme as React context so leaf components read tokens, never raw colours. */
import { createContext, useContext, type ReactNode } from 'react';
import { chooseTheme, type Theme } from './theme.js';

const ThemeContext = createContext<Theme>(chooseTheme({}));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }): ReactNode {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}
