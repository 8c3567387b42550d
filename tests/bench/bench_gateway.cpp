// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Gateway throughput and latency against nginx, measured in the same run on loopback:
//   backend   nginx (one worker) answering a small JSON document
//   reference nginx proxy_pass (one worker, upstream keep-alive) in front of that backend
//   gateway   the real GatewayService (subscription key + a set-header policy) in front of it
// Both proxies are driven by wrk with the same threads, connections and duration. Prints
// requests/s and p50/p99 for each, and the ratios (goal: ≥ 0.5× throughput, p99 ≤ 2×).
// Then a soak at 64 connections (default 60 s): RSS growth (read at rest before and after) and
// the non-2xx count.
//   bench_gateway [--duration S] [--connections N] [--soak S]

#include "core/local/server/processtuning.h"
#include "tests/local/gateway/gatewaytestbed.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace portico::local;
using namespace portico::test;

namespace {

struct WrkResult
{
    bool ok = false;
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 non2xx = 0;
    qint64 socketErrors = 0;
    QString raw;
};

double toMs(const QString &value, const QString &unit)
{
    const double v = value.toDouble();
    if (unit == u"us")
        return v / 1000.0;
    if (unit == u"s")
        return v * 1000.0;
    return v;
}

WrkResult runWrk(const QString &url, int connections, int seconds, const QStringList &headers)
{
    QStringList args { u"-t2"_qs, u"-c%1"_qs.arg(connections), u"-d%1s"_qs.arg(seconds), u"--latency"_qs };
    for (const QString &h : headers)
        args << u"-H"_qs << h;
    args << url;
    QProcess wrk;
    wrk.start(u"wrk"_qs, args);
    WrkResult r;
    if (!wrk.waitForFinished((seconds + 30) * 1000))
        return r;
    r.raw = QString::fromUtf8(wrk.readAllStandardOutput());
    static const QRegularExpression rps(u"Requests/sec:\\s+([0-9.]+)"_qs);
    static const QRegularExpression p50(u"\\s50%\\s+([0-9.]+)(us|ms|s)"_qs);
    static const QRegularExpression p99(u"\\s99%\\s+([0-9.]+)(us|ms|s)"_qs);
    static const QRegularExpression non2xx(u"Non-2xx or 3xx responses:\\s+(\\d+)"_qs);
    static const QRegularExpression errors(u"Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"_qs);
    const auto m = rps.match(r.raw), a = p50.match(r.raw), b = p99.match(r.raw);
    if (!m.hasMatch() || !a.hasMatch() || !b.hasMatch())
        return r;
    r.ok = true;
    r.requestsPerSecond = m.captured(1).toDouble();
    r.p50Ms = toMs(a.captured(1), a.captured(2));
    r.p99Ms = toMs(b.captured(1), b.captured(2));
    if (const auto n = non2xx.match(r.raw); n.hasMatch())
        r.non2xx = n.captured(1).toLongLong();
    if (const auto e = errors.match(r.raw); e.hasMatch())
        r.socketErrors = e.captured(1).toLongLong() + e.captured(2).toLongLong() + e.captured(3).toLongLong() + e.captured(4).toLongLong();
    return r;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// One nginx master with one worker, from a temporary prefix; stopped in the destructor.
class Nginx
{
public:
    bool start(const QString &dir, const QByteArray &serverBlocks)
    {
        QDir().mkpath(dir + u"/logs"_qs);
        const QByteArray conf = "worker_processes 1;\n"
                                "error_log " + dir.toUtf8() + "/logs/error.log warn;\n"
                                "pid " + dir.toUtf8() + "/logs/nginx.pid;\n"
                                "events { worker_connections 4096; }\n"
                                "http {\n access_log off;\n"
                                " client_body_temp_path " + dir.toUtf8() + "/body;\n"
                                " proxy_temp_path " + dir.toUtf8() + "/proxy;\n"
                                " keepalive_requests 1000000;\n"
                                + serverBlocks + "}\n";
        QFile file(dir + u"/nginx.conf"_qs);
        if (!file.open(QIODevice::WriteOnly) || file.write(conf) != conf.size())
            return false;
        file.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(u"nginx"_qs, { u"-p"_qs, dir, u"-c"_qs, dir + u"/nginx.conf"_qs, u"-g"_qs, u"daemon off;"_qs });
        if (!m_process.waitForStarted(5000))
            return false;
        QThread::msleep(300);
        return m_process.state() == QProcess::Running;
    }
    ~Nginx()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

private:
    QProcess m_process;
};

qint64 rssKb()
{
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    tuneProcessForServing(); // as app/portico-local/main.cpp does
    QCoreApplication app(argc, argv);
    int duration = 10, connections = 64, soak = 60;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--duration")
            duration = args[i + 1].toInt();
        else if (args[i] == u"--connections")
            connections = args[i + 1].toInt();
        else if (args[i] == u"--soak")
            soak = args[i + 1].toInt();
    }
    QTemporaryDir tmp;
    const quint16 backendPort = freePort();
    const quint16 proxyPort = freePort();
    Nginx backend, proxy;
    const QByteArray json = R"({"id":42,"name":"sample","scores":[0.12,0.55,0.33],"ok":true})";
    if (!backend.start(tmp.filePath(u"backend"_qs),
                       " server { listen 127.0.0.1:" + QByteArray::number(backendPort) + ";\n"
                       "  location / { default_type application/json; return 200 '" + json + "'; } }\n")) {
        std::fprintf(stderr, "bench_gateway: cannot start the nginx backend\n");
        return 1;
    }
    if (!proxy.start(tmp.filePath(u"proxy"_qs),
                     " upstream backend { server 127.0.0.1:" + QByteArray::number(backendPort) + "; keepalive 128; }\n"
                     " server { listen 127.0.0.1:" + QByteArray::number(proxyPort) + ";\n"
                     "  location / { proxy_pass http://backend; proxy_http_version 1.1;\n"
                     "   proxy_set_header Connection \"\"; proxy_set_header X-Portico \"bench\"; } }\n")) {
        std::fprintf(stderr, "bench_gateway: cannot start the nginx proxy\n");
        return 1;
    }

    GatewayTestbed bed;
    GatewayConfig config;
    GatewayConfig::Api api;
    api.id = u"bench"_qs;
    api.displayName = u"Bench API"_qs;
    api.path = u"bench"_qs;
    api.serviceUrl = u"http://127.0.0.1:%1"_qs.arg(backendPort);
    api.protocols = { u"http"_qs };
    api.policyXml = u"<policies><inbound><base/><set-header name=\"X-Portico\" exists-action=\"override\"><value>bench</value></set-header></inbound>"
                    "<backend><base/></backend><outbound><base/></outbound><on-error><base/></on-error></policies>"_qs;
    GatewayConfig::Operation op;
    op.id = u"score"_qs;
    op.displayName = u"Score"_qs;
    op.method = u"GET"_qs;
    op.urlTemplate = u"/score"_qs;
    api.operations = { op };
    config.apis = { api };
    GatewayConfig::Subscription sub;
    sub.id = u"bench-sub"_qs;
    sub.displayName = u"Bench"_qs;
    sub.scope = u"/apis"_qs;
    sub.state = u"active"_qs;
    sub.primaryKey = u"bench-key-0123456789abcdef"_qs;
    config.subscriptions = { sub };
    if (!bed.start(config)) {
        std::fprintf(stderr, "bench_gateway: cannot start the gateway\n");
        return 1;
    }
    const QString gatewayUrl = u"http://127.0.0.1:%1/bench/score"_qs.arg(bed.httpPort());
    const QString nginxUrl = u"http://127.0.0.1:%1/score"_qs.arg(proxyPort);
    const QStringList keyHeader { u"Ocp-Apim-Subscription-Key: bench-key-0123456789abcdef"_qs };

    // Warm-up both, then measure.
    runWrk(nginxUrl, connections, 2, {});
    runWrk(gatewayUrl, connections, 2, keyHeader);
    const WrkResult n = runWrk(nginxUrl, connections, duration, {});
    const WrkResult g = runWrk(gatewayUrl, connections, duration, keyHeader);
    if (!n.ok || !g.ok) {
        std::fprintf(stderr, "bench_gateway: wrk failed\n%s\n%s\n", qPrintable(n.raw), qPrintable(g.raw));
        return 1;
    }
    std::printf("bench_gateway: wrk -t2 -c%d -d%ds, loopback, %d CPU(s), gateway workers %d\n", connections,
                duration, QThread::idealThreadCount(), bed.service().workerCount());
    std::printf("  nginx proxy_pass (1 worker, keepalive): %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %lld\n",
                n.requestsPerSecond, n.p50Ms, n.p99Ms, n.non2xx);
    std::printf("  portico gateway (key + set-header):     %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %lld\n",
                g.requestsPerSecond, g.p50Ms, g.p99Ms, g.non2xx);
    const double throughputRatio = g.requestsPerSecond / n.requestsPerSecond;
    const double p99Ratio = g.p99Ms / n.p99Ms;
    std::printf("  ratio throughput gateway/nginx: %.2fx (goal >= 0.50x)  %s\n", throughputRatio,
                throughputRatio >= 0.5 ? "met" : "NOT met");
    std::printf("  ratio p99 gateway/nginx:        %.2fx (goal <= 2.00x)  %s\n", p99Ratio,
                p99Ratio <= 2.0 ? "met" : "NOT met");
    std::fflush(stdout);

    if (soak > 0) {
        // RSS is read at rest, 1.5 s after load stops, both times: by then the usage log has
        // written its last batch and returned freed memory (it trims once a second), so that
        // the figure compares what stays allocated rather than where a batch happened to be.
        const auto settledRssKb = [] {
            QThread::msleep(1500);
            return rssKb();
        };
        const qint64 before = settledRssKb();
        const WrkResult s = runWrk(gatewayUrl, 64, soak, keyHeader);
        const qint64 after = settledRssKb();
        const double growth = before > 0 ? double(after - before) / double(before) * 100.0 : 0;
        std::printf("  soak %ds at 64 connections: %.0f req/s, RSS %lld kB -> %lld kB (%+.1f%%, goal < 10%%), "
                    "non-2xx %lld, socket errors %lld  %s\n",
                    soak, s.requestsPerSecond, before, after, growth, s.non2xx, s.socketErrors,
                    s.ok && growth < 10.0 && s.non2xx == 0 ? "met" : "NOT met");
    }
    return 0;
}
