// Every command, in help order. Adding a command = one file + one line here.
import type { CommandDefinition } from '../command-definition.js';
import { archivesArchive } from './archives/archive.js';
import { archivesCreate } from './archives/create.js';
import { archivesDelete } from './archives/delete.js';
import { archivesDestroy } from './archives/destroy.js';
import { archivesList } from './archives/list.js';
import { login } from './auth/login.js';
import { logout } from './auth/logout.js';
import { whoami } from './auth/whoami.js';
import { credentialsList } from './credentials/list.js';
import { credentialsRevoke } from './credentials/revoke.js';
import { api } from './misc/api.js';
import { completion } from './misc/completion.js';
import { doctor } from './misc/doctor.js';
import { usage } from './misc/usage.js';
import { download } from './objects/download.js';
import { objectsList } from './objects/list.js';
import { objectsPrune } from './objects/prune.js';
import { retrieve } from './objects/retrieve.js';
import { upload } from './objects/upload.js';
import { profilesList } from './profiles/list.js';
import { profilesRemove } from './profiles/remove.js';
import { profilesShow } from './profiles/show.js';
import { profilesUse } from './profiles/use.js';
import { servicesList } from './services/list.js';
import { servicesUse } from './services/use.js';
import { sessionsDelete } from './sessions/delete.js';
import { sessionsFiles } from './sessions/files.js';
import { sessionsList } from './sessions/list.js';
import { sessionsPrune } from './sessions/prune.js';
import { sessionsRename } from './sessions/rename.js';
import { sessionsRestore } from './sessions/restore.js';
import { sessionsShow } from './sessions/show.js';
import { tasksList } from './tasks/list.js';
import { tasksShow } from './tasks/show.js';
import { tasksWait } from './tasks/wait.js';

export { COMMAND_GROUPS } from './command-groups.js';

export const COMMANDS: readonly CommandDefinition[] = [
  archivesList,
  archivesCreate,
  archivesDelete,
  archivesArchive,
  archivesDestroy,
  objectsList,
  objectsPrune,
  retrieve,
  download,
  upload,
  sessionsList,
  sessionsShow,
  sessionsFiles,
  sessionsRename,
  sessionsDelete,
  sessionsRestore,
  sessionsPrune,
  tasksList,
  tasksShow,
  tasksWait,
  usage,
  servicesList,
  servicesUse,
  login,
  logout,
  whoami,
  profilesList,
  profilesShow,
  profilesUse,
  profilesRemove,
  credentialsList,
  credentialsRevoke,
  api,
  doctor,
  completion,
];
