import { type Container, type ItemDefinition } from "@azure/cosmos";
import { statusOf, withTransientRetry } from "./retry.js";

/** A point read (id + partition key), transient failures retried; undefined when the item does not exist. */
export async function pointRead<T extends ItemDefinition>(
  container: Container,
  id: string,
  partitionKey: string,
): Promise<T | undefined> {
  try {
    const { resource } = await withTransientRetry(() => container.item(id, partitionKey).read<T>());
    return resource;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
