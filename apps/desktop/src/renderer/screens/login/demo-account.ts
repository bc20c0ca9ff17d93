/** Cache key of the sandbox's demo login, kept only in memory for the validation screen. */
export const demoAccountKey = (profile: string) => ['demo-account', profile] as const;

export interface DemoAccount {
  nichandle: string;
  password: string;
}
