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

/* ---- loops with lock or reference semantics: the real shapes ---- */
/* drm/drm_exec.h: the body runs at least once; drm_exec_cleanup() says whether to retry */
#define drm_exec_until_all_locked(exec) \
	for (long __lockcheck_it = 1; __lockcheck_it; __lockcheck_it = drm_exec_cleanup(exec))
#define drm_exec_for_each_locked_object(exec, obj) \
	for (unsigned long __lockcheck_i = 0; ((obj) = drm_exec_obj(exec, __lockcheck_i)); ++__lockcheck_i)
#define drm_exec_for_each_locked_object_reverse(exec, obj) \
	for (unsigned long __lockcheck_i = (exec)->num_objects - 1; ((obj) = drm_exec_obj(exec, __lockcheck_i)); \
	     --__lockcheck_i)
/* i915 (i915_gem_ww.h, intel_pps.h, intel_modeset_lock.h, intel_runtime_pm.h, ...) */
#define for_i915_gem_ww(_ww, _err, _intr) \
	for (i915_gem_ww_ctx_init(_ww, _intr), (_err) = -EDEADLK; (_err) == -EDEADLK; (_err) = __i915_gem_ww_fini(_ww, _err))
#define with_intel_pps_lock(dp, wf) \
	for ((wf) = intel_pps_lock(dp); (wf); (wf) = intel_pps_unlock((dp), (wf)))
#define intel_modeset_lock_ctx_retry(ctx, state, flags, ret) \
	for (_intel_modeset_lock_begin((ctx), (state), (flags), &(ret)); _intel_modeset_lock_loop(&(ret)); \
	     _intel_modeset_lock_end((ctx), (state), &(ret)))
#define with_intel_runtime_pm(rpm, wf) \
	for ((wf) = intel_runtime_pm_get(rpm); (wf); intel_runtime_pm_put((rpm), (wf)), (wf) = 0)
#define with_intel_runtime_pm_if_in_use(rpm, wf) \
	for ((wf) = intel_runtime_pm_get_if_in_use(rpm); (wf); intel_runtime_pm_put((rpm), (wf)), (wf) = 0)
#define with_intel_runtime_pm_if_active(rpm, wf) \
	for ((wf) = intel_runtime_pm_get_if_active(rpm); (wf); intel_runtime_pm_put((rpm), (wf)), (wf) = 0)
#define with_intel_gt_pm(gt, wf) \
	for (wf = intel_gt_pm_get(gt); wf; intel_gt_pm_put(gt, wf), wf = 0)
#define with_intel_display_power(i915, domain, wf) \
	for ((wf) = intel_display_power_get((i915), (domain)); (wf); \
	     intel_display_power_put_async((i915), (domain), (wf)), (wf) = 0)
#define with_intel_display_power_if_enabled(i915, domain, wf) \
	for ((wf) = intel_display_power_get_if_enabled((i915), (domain)); (wf); \
	     intel_display_power_put_async((i915), (domain), (wf)), (wf) = 0)
