/**
 * Limits of account fields, shared by the server's validation and the forms'
 * hints and input attributes (so not in a .server module, which the client
 * bundle leaves empty).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 100;
