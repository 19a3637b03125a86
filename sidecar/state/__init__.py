"""The sidecar's own tables (`{prefix}xc1c_*`): sessions, import jobs, the 1C Ид ⇄ X-Cart id
map. State lives here, never in a worker's memory, so any worker or instance can answer the
next call of an exchange."""
