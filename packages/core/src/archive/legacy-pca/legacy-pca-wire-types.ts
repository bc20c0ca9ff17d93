// The legacy API's own shapes (reference doc §6), as received.

export interface PcaSessionWire {
  id: string;
  name: string;
  startDate: string;
  endDate: string | null;
  size: number;
  state: string;
  login: string;
  srcIp?: string | null;
}

export interface PcaFileWire {
  id: string;
  name: string;
  size: number;
  type: string;
  state: string;
  MD5: string;
  SHA1: string;
  SHA256: string;
}

export interface PcaTaskWire {
  id: string | number;
  function: string;
  status: string;
  todoDate: string;
  login: string;
  ipAddress?: string | null;
  comment?: string | null;
}
