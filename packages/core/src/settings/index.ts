export { readSystemSettings, patchSystemSettings, type SystemSettingsValues } from './system-settings.js';
