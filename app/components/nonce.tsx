import { createContext, useContext } from "react";

/** The request's CSP nonce, so Remix's inline scripts may run under the policy. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
