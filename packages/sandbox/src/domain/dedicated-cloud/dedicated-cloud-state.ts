/** Private Cloud services, datacenters and allowed networks. Owned by the /dedicatedCloud module. */
export interface DedicatedCloudState {
  placeholder?: never;
}
