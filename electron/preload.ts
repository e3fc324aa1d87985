import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './shell/bridge-api.ts';

contextBridge.exposeInMainWorld('autopay', buildBridge(ipcRenderer));
