import { durableClientBindingData, type DurableEndpoints } from "../durable/durableClientBinding.js";
import { type RuntimeLog } from "../logging/runtimeLog.js";
import { type RegisteredFunction } from "./functionsCoreApi.js";
import { type RpcParameterBinding } from "./rpc.js";

const CLIENT_TYPES = new Set(["durableclient", "orchestrationclient"]);

/**
 * The input data the host adds for a function's extra input bindings. The durable client binding is the
 * one this runtime provides; other input bindings get nothing, with a warning once per binding.
 */
export function extraInputBindings(
  endpoints: () => DurableEndpoints,
  log: RuntimeLog,
): (fn: RegisteredFunction) => RpcParameterBinding[] {
  const warned = new Set<string>();
  return (fn) => {
    const inputs: RpcParameterBinding[] = [];
    for (const [name, binding] of Object.entries(fn.metadata.bindings)) {
      if (name === fn.triggerName || binding.direction !== "in") continue;
      if (CLIENT_TYPES.has(binding.type.toLowerCase())) {
        const taskHub = typeof binding.taskHub === "string" && binding.taskHub !== "" ? binding.taskHub : undefined;
        inputs.push({ name, data: { json: JSON.stringify(durableClientBindingData(endpoints(), taskHub)) } });
      } else if (!warned.has(`${fn.name}/${name}`)) {
        warned.add(`${fn.name}/${name}`);
        log.warn(
          `${fn.name}: input binding type "${binding.type}" is not available locally; the function gets no value for it`,
        );
      }
    }
    return inputs;
  };
}
