/** The signed-in user as every service sees it. */
export interface AuthUser {
  id: string;
  regencyId: string;
  username: string;
  name: string;
  roles: string[];
}
