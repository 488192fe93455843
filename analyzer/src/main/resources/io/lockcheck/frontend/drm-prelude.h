/*
 * lockcheck DRM prelude (fast mode): macros that drivers/gpu/drm code uses from DRM and driver
 * headers, where CDT cannot parse the use without the definition (a type or a statement as an
 * argument). Shapes follow the real definitions (the header is named), minus what only
 * matters to the compiler.
 */

/* ---- allocators that take the containing type (drm_drv.h, drm_plane.h, drm_crtc.h, ...) ---- */
#define devm_drm_dev_alloc(parent, driver, type, member) \
	((type *)__devm_drm_dev_alloc(parent, driver, sizeof(type), __builtin_offsetof(type, member)))
#define drmm_universal_plane_alloc(dev, type, member, ...) \
	((type *)__drmm_universal_plane_alloc(dev, sizeof(type), __builtin_offsetof(type, member), __VA_ARGS__))
#define drmm_crtc_alloc_with_planes(dev, type, member, ...) \
	((type *)__drmm_crtc_alloc_with_planes(dev, sizeof(type), __builtin_offsetof(type, member), __VA_ARGS__))
#define drmm_encoder_alloc(dev, type, member, ...) \
	((type *)__drmm_encoder_alloc(dev, sizeof(type), __builtin_offsetof(type, member), __VA_ARGS__))
#define drmm_simple_encoder_alloc(dev, type, member, encoder_type) \
	((type *)__drmm_simple_encoder_alloc(dev, sizeof(type), __builtin_offsetof(type, member), encoder_type))
#define drm_kunit_helper_alloc_drm_device(test, dev, type, member, features) \
	((type *)__drm_kunit_helper_alloc_drm_device(test, dev, sizeof(type), __builtin_offsetof(type, member), features))
#define drm_kunit_helper_alloc_drm_device_with_driver(test, dev, type, member, drv) \
	((type *)__drm_kunit_helper_alloc_drm_device_with_driver(test, dev, sizeof(type), \
							       __builtin_offsetof(type, member), drv))

/* ---- amd powerplay (amd/pm/powerplay/inc/pp_debug.h): the code argument is a statement ---- */
#define PP_ASSERT_WITH_CODE(cond, msg, code) do { if (!(cond)) { code; } } while (0)
#define PP_ASSERT(cond, msg)     do { if (!(cond)) { } } while (0)
#define PP_DBG_LOG(fmt, ...)     do { } while (0)

/* ---- amd display bios parser (amd/display/dc/bios/bios_parser_helper.h) ---- */
#define GET_IMAGE(type, offset)  ((type *)bios_get_image(&bp->base, offset, sizeof(type)))

/* ---- nouveau (nvkm/subdev/timer.h, nvif/timer.h): the code argument runs in a polling loop ---- */
#define nvkm_nsec(d, n, cond...) \
	({ long _taken = 0; do { cond } while ((_taken = __lockcheck_timer_wait(d, n)) >= 0); _taken; })
#define nvkm_usec(d, u, cond...) nvkm_nsec((d), (u) * 1000ULL, ##cond)
#define nvkm_msec(d, m, cond...) nvkm_usec((d), (m) * 1000ULL, ##cond)
#define nvif_nsec(d, n, cond...) \
	({ long _taken = 0; do { cond } while ((_taken = __lockcheck_timer_wait(d, n)) >= 0); _taken; })
#define nvif_usec(d, u, cond...) nvif_nsec((d), (u) * 1000, ##cond)
#define nvif_msec(d, m, cond...) nvif_usec((d), (m) * 1000, ##cond)
/* nvkm/subdev/bios/init.h: the arguments after the offset are statements on 'init' */
#define nvbios_init(s, o, args...) \
	({ struct nvbios_init init = { .subdev = (s), .offset = (o), .or = -1, .link = 0, .head = -1, .execute = 1 }; \
	   args nvbios_exec(&init); })

/* ---- xe (xe/xe_map.h): typed access to a mapping ---- */
#define xe_map_rd(xe, map, off, t)            iosys_map_rd(map, off, t)
#define xe_map_wr(xe, map, off, t, val)       iosys_map_wr(map, off, t, val)
#define xe_map_rd_field(xe, map, off, t, f)   iosys_map_rd_field(map, off, t, f)
#define xe_map_wr_field(xe, map, off, t, f, val) iosys_map_wr_field(map, off, t, f, val)
