package de.niedersachsenpacktan.esnode;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one local Elasticsearch node for development.
 *
 * Usage: EsNodeMain [baseDir] [httpPort]   (defaults: $ES_HOME or ./.services/elasticsearch, $ES_PORT or 9200)
 *
 * We bypass org.elasticsearch.bootstrap.Elasticsearch because it expects the CLI launcher,
 * a distribution layout (modules/, plugins/, jdk) and installs native/seccomp/entitlement
 * machinery that a dev node on loopback does not need.
 */
public final class EsNodeMain {

    // Console-only logging: the start script redirects stdout to logs/es.log.
    private static final String LOG4J_CONFIG = """
        status = error
        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        # deprecation warnings are noise for a dev node
        logger.deprecation.name = org.elasticsearch.deprecation
        logger.deprecation.level = error
        """;

    public static void main(String[] args) throws Exception {
        Path base = Path.of(arg(args, 0, "ES_HOME", ".services/elasticsearch")).toAbsolutePath().normalize();
        int httpPort = Integer.parseInt(arg(args, 1, "ES_PORT", "9200"));
        String clusterName = env("ES_CLUSTER_NAME", "np-dev");
        String nodeName = env("ES_NODE_NAME", "np-dev-node");

        Path config = base.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(base.resolve("data"));
        Files.createDirectories(base.resolve("logs"));
        Path log4j = config.resolve("log4j2.properties");
        if (Files.exists(log4j) == false) {
            Files.writeString(log4j, LOG4J_CONFIG);
        }

        Settings settings = Settings.builder()
            .put("path.home", base.toString())
            .put("path.data", base.resolve("data").toString())
            .put("path.logs", base.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            // Derived from the HTTP port so two dev nodes (e.g. tests on 9250) don't collide.
            .put("transport.port", httpPort + 100)
            .put("discovery.type", "single-node")
            // Developer disks are often >90% full; the watermarks would make indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setClusterName(clusterName);
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment, true);

        Node node = new ClasspathNode(environment, List.of(Netty4Plugin.class, RootInfoPlugin.class, GermanAnalysisPlugin.class));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM from es-stop.sh: flush and close shards cleanly so the next start is fast.
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "es-node-shutdown"));

        node.start();
        System.out.println("es-node started: http://127.0.0.1:" + httpPort + " home=" + base);
        stopped.await(); // keep a non-daemon thread alive until shutdown
    }

    private static String arg(String[] args, int i, String envName, String dflt) {
        return args.length > i && args[i].isBlank() == false ? args[i] : env(envName, dflt);
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
