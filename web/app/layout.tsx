import "./globals.css";

// The real document (<html lang>) is rendered by app/[locale]/layout.tsx, by the
// locale chooser at app/page.tsx and by app/not-found.tsx: each knows its language.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
