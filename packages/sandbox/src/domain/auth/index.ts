// Public surface of the auth module: API routes, the validation page, seeding and record helpers.
export { authRoutes, VALIDATION_PAGE_PATH } from './auth-routes.js';
export { validationPageRoutes } from './validation-page.js';
export { seedAuthState } from './seed-auth-state.js';
export * from './auth-records.js';
export type * from './auth-state.js';
