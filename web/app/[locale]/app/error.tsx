"use client";

import { PageError } from "@/components/app/ui/page-error";

export default PageError;
