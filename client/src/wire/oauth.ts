/** `GET /oauth/v1/generate?grant_type=client_credentials` answer. `expires_in` is a string on the wire. */
export interface TokenResponse {
  access_token: string;
  expires_in: string;
}
