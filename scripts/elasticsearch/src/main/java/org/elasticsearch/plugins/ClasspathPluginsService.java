package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.spi.SPIClassIterator;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PluginsService that takes plugin classes straight from the application classpath.
 *
 * The stock service only knows plugin bundles on disk (modules/ and plugins/ dirs of a
 * distribution, each with its own class loader). We have no distribution, only Maven jars on
 * one flat classpath, so we build the plugin list ourselves. It lives in this package because
 * the hooks it needs (LoadedPlugin, loadPlugin, loadExtensions, PluginsLoader ctor) are
 * package-private.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        // An empty loader: nothing is read from disk.
        super(settings, environment.configDir(), new PluginsLoader(Collections.emptySet(), Collections.emptySet(), Collections.emptyMap()));
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin plugin = loadPlugin(pluginClass, settings, environment.configDir());
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getSimpleName(),
                "classpath plugin",
                Build.current().version(),
                Build.current().version(),
                Integer.toString(Runtime.version().feature()),
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false
            );
            loaded.add(new LoadedPlugin(descriptor, plugin, ClasspathPluginsService.class.getClassLoader()));
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(classpathPlugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    /**
     * All jars share one class loader, so a META-INF/services scan would see every provider once
     * per plugin. Scan once, bind each provider to the plugin type its constructor asks for (if
     * any), and create each provider class only once.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        Map<Class<?>, T> result = new LinkedHashMap<>();
        var it = SPIClassIterator.get(service, ClasspathPluginsService.class.getClassLoader());
        while (it.hasNext()) {
            Class<? extends T> cls = it.next();
            if (result.containsKey(cls)) {
                continue;
            }
            try {
                Constructor<?> noArg = null;
                Constructor<?> oneArg = null;
                for (Constructor<?> c : cls.getConstructors()) {
                    if (c.getParameterCount() == 0) noArg = c;
                    else if (c.getParameterCount() == 1) oneArg = c;
                }
                if (oneArg != null) {
                    Class<?> wanted = oneArg.getParameterTypes()[0];
                    Plugin owner = classpathPlugins.stream()
                        .map(LoadedPlugin::instance)
                        .filter(wanted::isInstance)
                        .findFirst()
                        .orElse(null);
                    if (owner != null) {
                        result.put(cls, (T) oneArg.newInstance(owner));
                        continue;
                    }
                    if (noArg == null) {
                        continue; // provider belongs to a plugin we do not load
                    }
                }
                if (noArg != null) {
                    result.put(cls, (T) noArg.newInstance());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("failed to create service provider " + cls.getName(), e);
            }
        }
        return List.copyOf(result.values());
    }
}
