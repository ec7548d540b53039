/**
 * The app's identity where operating systems keep things about it. One place, so
 * the installer's shortcut, the notification identity and the places IT's settings
 * are read from cannot drift apart; tests/unit/deploy checks APP_ID against
 * electron-builder.yml's appId.
 */

/** electron-builder's appId: the macOS bundle id and preference domain, the Windows AppUserModelID. */
export const APP_ID = 'gov.contactcenter.agentdesk';

/** The vendor folder under SOFTWARE\Policies (the organisation part of APP_ID). */
export const POLICY_VENDOR = 'ContactCenter';
export const PRODUCT_NAME = 'Agent Desk';

/** Where Group Policy / Intune put the app's policies, under HKLM and HKCU. */
export const POLICY_REGISTRY_PATH = `SOFTWARE\\Policies\\${POLICY_VENDOR}\\${PRODUCT_NAME}`;

/** Where macOS writes the keys of configuration profiles (root-owned; users cannot write here). */
export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences';

/** Linux has neither: a root-owned JSON file, as Chrome and VS Code do. */
export const LINUX_MANAGED_SETTINGS_FILE = '/etc/agent-desk/managed-settings.json';
