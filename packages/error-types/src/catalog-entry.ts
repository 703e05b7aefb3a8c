/**
 * The record types of the contract, generated from @org/contract-model's vocabulary table
 * (one member per per-code or per-status fact). Re-exported here so their import path stays.
 */
export type { ErrorCatalogEntry, HttpStatusEntry } from "./generated/records.js";
