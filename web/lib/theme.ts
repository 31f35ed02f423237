/** localStorage key of the saved theme ("light" | "dark"); absent means "follow the system". */
export const THEME_STORAGE_KEY = "theme";
