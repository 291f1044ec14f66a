import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

type SchemaEngine = engineBindings.SchemaEngine;

// @types/node 20 does not declare the WebAssembly global; this is the one call we make.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
let initialised = false;

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter, so
 * migrations can be written without the native engine the stock CLI downloads (MACHINE-NOTES.md).
 * The package's own entry imports the .wasm as an ES module, which Node 20 cannot, so we
 * instantiate it here with the same bindings.
 */
export async function openSchemaEngine(connectionString: string, schema: string): Promise<SchemaEngine> {
  if (!initialised) {
    const require = createRequire(import.meta.url);
    const wasmPath = require
      .resolve('@prisma/schema-engine-wasm')
      .replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    const imports = { './schema_engine_bg.js': engineBindings };
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), imports);
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    initialised = true;
  }
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const ignoreEngineLog = (): void => undefined;
  return engineBindings.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, ignoreEngineLog, adapterFactory);
}
