/** The options `ovh-pca login` takes, as commander hands them over. */
export interface LoginOptions {
  rules: string;
  redirect?: string;
  appSecretStdin?: boolean;
  browser: boolean;
  timeout: string;
  default?: boolean;
}
