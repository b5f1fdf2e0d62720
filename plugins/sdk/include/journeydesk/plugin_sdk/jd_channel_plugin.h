/* JourneyDesk channel plugin ABI, version 1 — plain C, no other header needed.
 *
 * A plugin is a shared library with a plugin.json beside it. It exports exactly one symbol,
 * JD_CHANNEL_PLUGIN_ENTRY_NAME ("jd_channel_plugin_v1": the ABI major is in the name, so a
 * library built for another major is never called), returning a description of the plugin.
 * Everything else crosses as serialized protobuf messages of package journeydesk.plugin.v1
 * (proto/journeydesk/plugin/v1/plugin.proto, installed with this SDK): the host sends a
 * HostEvent, the plugin answers with a PluginResponse.
 *
 * Compatibility: every struct starts with its own size (struct_size) and only ever grows at
 * the end, so a host reads only what a plugin's struct actually holds, and the other way
 * round. Version rule: a host of ABI MAJOR.M loads a plugin of ABI MAJOR.N with N <= M.
 *
 * Failure: no function may let an exception or a longjmp cross it. The C++ wrapper
 * (jd_plugin.hpp) catches everything and turns it into JD_PLUGIN_ERROR with a message.
 *
 * Threads: the host calls a plugin instance from one thread at a time (not always the same
 * thread). The host never unloads a library it has loaded.
 */
#ifndef JOURNEYDESK_PLUGIN_SDK_JD_CHANNEL_PLUGIN_H
#define JOURNEYDESK_PLUGIN_SDK_JD_CHANNEL_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JD_PLUGIN_ABI_MAJOR 1
#define JD_PLUGIN_ABI_MINOR 0
#define JD_CHANNEL_PLUGIN_ENTRY jd_channel_plugin_v1
#define JD_CHANNEL_PLUGIN_ENTRY_NAME "jd_channel_plugin_v1"

#if defined(_WIN32)
#define JD_PLUGIN_EXPORT __declspec(dllexport)
#else
#define JD_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* Status codes returned by plugin functions. */
#define JD_PLUGIN_OK 0
#define JD_PLUGIN_ERROR 1

/* Where a plugin writes its answer. Owned by the host and valid only during the call it is
 * passed to. write() copies the bytes (the plugin keeps ownership of its buffer); error()
 * copies a NUL-terminated UTF-8 message saying what went wrong. */
typedef struct jd_plugin_sink {
  uint32_t struct_size;
  void* context;
  void (*write)(void* context, const uint8_t* data, size_t size);
  void (*error)(void* context, const char* message);
} jd_plugin_sink;

/* What the host offers a plugin instance. Owned by the host; valid until destroy(). */
typedef struct jd_plugin_host_api {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  void* context;
  /* level: 0 debug, 1 info, 2 warning, 3 error. Any thread. May be NULL. */
  void (*log)(void* context, int level, const char* message);
} jd_plugin_host_api;

typedef struct jd_channel_plugin {
  uint32_t struct_size;   /* sizeof(jd_channel_plugin) as the plugin was compiled */
  uint16_t abi_major;     /* JD_PLUGIN_ABI_MAJOR as the plugin was compiled */
  uint16_t abi_minor;     /* JD_PLUGIN_ABI_MINOR as the plugin was compiled */
  const char* plugin_id;  /* must equal "id" in plugin.json */
  /* Comma-separated customer data the code reads (e.g. "customer.name,customer.email");
   * the host refuses a plugin whose manifest does not declare all of them. May be NULL. */
  const char* permissions;

  /* Makes an instance. config: opaque bytes from the host's settings (may be empty).
   * Returns NULL on failure after calling sink->error(). */
  void* (*create)(const jd_plugin_host_api* host, const uint8_t* config, size_t config_size,
                  const jd_plugin_sink* sink);
  /* One serialized HostEvent in; on JD_PLUGIN_OK the plugin has called sink->write() with
   * one serialized PluginResponse (or not at all: nothing changed). On JD_PLUGIN_ERROR it
   * has called sink->error(). */
  int (*handle_event)(void* instance, const uint8_t* event, size_t event_size,
                      const jd_plugin_sink* sink);
  /* Ends an instance (after a Shutdown event). */
  void (*destroy)(void* instance);
} jd_channel_plugin;

/* The one exported symbol. Returns a pointer to static storage, never NULL. */
typedef const jd_channel_plugin* (*jd_channel_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* JOURNEYDESK_PLUGIN_SDK_JD_CHANNEL_PLUGIN_H */
