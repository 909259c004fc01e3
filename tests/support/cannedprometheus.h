#pragma once

// A Prometheus-compatible HTTP server on 127.0.0.1 whose answers the test makes up, for the
// client's tests: it records the paths, headers and form fields it is sent.

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <functional>
#include <memory>
#include <vector>

// One HTTP request as the server saw it.
struct Request
{
    QByteArray method;
    QString path;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QHash<QString, QString> form;          // the form body, or the URL's query
};

struct Answer
{
    int status = 200;
    QByteArray body;
    bool silent = false; // never answer: a server that hangs
};

// A Prometheus-compatible server on 127.0.0.1 with answers made up by the test: the paths,
// headers and form fields the client sends are recorded. It runs in the test's thread, served
// by the client's own event loop while it waits. Given a TLS configuration (a certificate and
// its key), it speaks https.
class CannedServer : public QObject
{
public:
    using Handler = std::function<Answer(const Request &)>;

    explicit CannedServer(Handler handler, const QSslConfiguration &tls = {})
        : m_handler(std::move(handler))
        , m_https(!tls.isNull())
    {
        if (m_https) {
            auto server = std::make_unique<QSslServer>();
            server->setSslConfiguration(tls);
            m_server = std::move(server);
        } else {
            m_server = std::make_unique<QTcpServer>();
        }
        m_server->listen(QHostAddress::LocalHost, 0);
        // Over TLS a connection is pending once its handshake is done.
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this,
                &CannedServer::accept);
    }

    quint16 port() const { return m_server->serverPort(); }
    QString url(const QString &prefix = {}) const
    {
        return QStringLiteral("prometheus+%1://127.0.0.1:%2%3")
            .arg(m_https ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(port())
            .arg(prefix);
    }
    const std::vector<Request> &requests() const { return m_requests; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->bytesAvailable() > 0)
                read(socket);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> first = lines.front().trimmed().split(' ');
        request.method = first.value(0);
        const QUrl target(QString::fromLatin1(first.value(1)));
        request.path = target.path();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            request.headers.insert(name, lines[i].mid(colon + 1).trimmed());
        }
        length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        const QString query = request.method == "POST" ? QString::fromLatin1(body) : target.query();
        for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(QLatin1Char('='));
            request.form.insert(pair.left(equals),
                                QUrl::fromPercentEncoding(pair.mid(equals + 1).toLatin1()));
        }
        m_requests.push_back(request);
        const Answer answer = m_handler(request);
        if (answer.silent)
            return;
        socket->write(QByteArray("HTTP/1.1 ") + QByteArray::number(answer.status) +
                      " Canned\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" +
                      answer.body);
        socket->disconnectFromHost();
    }

    Handler m_handler;
    bool m_https = false;
    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    std::vector<Request> m_requests;
};

// Prometheus's answer to a range query: each series' labels and a value per evaluation time
// of the request (a string, as Prometheus writes them; an empty one leaves the time out).
inline QByteArray
matrix(const Request &request,
       const std::vector<std::pair<QJsonObject, std::function<QString(qint64)>>> &series)
{
    const qint64 start = request.form.value(QStringLiteral("start")).toLongLong();
    const qint64 end = request.form.value(QStringLiteral("end")).toLongLong();
    const qint64 step = request.form.value(QStringLiteral("step")).toLongLong();
    QJsonArray result;
    for (const auto &[labels, value] : series) {
        QJsonArray values;
        for (qint64 t = start; t <= end; t += step) {
            const QString text = value(t);
            if (!text.isEmpty())
                values.append(QJsonArray{double(t), text});
        }
        result.append(
            QJsonObject{{QStringLiteral("metric"), labels}, {QStringLiteral("values"), values}});
    }
    const QJsonObject data{{QStringLiteral("resultType"), QStringLiteral("matrix")},
                           {QStringLiteral("result"), result}};
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                     {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

inline QByteArray prometheusError(const QString &type, const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                                     {QStringLiteral("errorType"), type},
                                     {QStringLiteral("error"), message}})
        .toJson(QJsonDocument::Compact);
}
