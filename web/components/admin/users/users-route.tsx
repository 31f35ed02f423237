"use client";

import { useSearchParams } from "next/navigation";
import { SectionGate } from "@/components/admin/section-gate";
import { UsersPage } from "@/components/admin/users/users-page";
import { UserPage } from "@/components/admin/user/user-page";

/** `/admin/users/` lists users; `/admin/users/?id=…` is one user's page. */
export function UsersRoute() {
  const id = useSearchParams().get("id");
  return <SectionGate section="USERS">{id ? <UserPage key={id} id={id} /> : <UsersPage />}</SectionGate>;
}
