/** The package version, reported in call-back requests as `widgetVersion`. A test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
