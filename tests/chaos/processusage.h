#pragma once

//! \file processusage.h
//! \brief RSS, threads and file descriptors of this process, as the soak measures them (after
//! malloc_trim: memory freed but kept by glibc's arenas is not growth).

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <malloc.h>
#include <unistd.h>

namespace Chaos {

struct ProcessUsage
{
    qint64 rssKb = 0;
    int threads = 0;
    int sockets = 0;
    int otherFds = 0;
};

inline ProcessUsage processUsage()
{
    ::malloc_trim(0);
    ProcessUsage u;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                u.rssKb = line.mid(6).trimmed().split(' ').first().toLongLong();
            else if (line.startsWith("Threads:"))
                u.threads = line.mid(8).trimmed().toInt();
        }
    }
    const QDir fdDir(QStringLiteral("/proc/self/fd"));
    for (const QString& fd : fdDir.entryList(QDir::NoDotAndDotDot | QDir::System)) {
        char target[64] = {};
        const QByteArray link = QFile::encodeName(fdDir.filePath(fd));
        const ssize_t length = ::readlink(link.constData(), target, sizeof target - 1);
        const bool socket = length > 0 && QByteArray(target, int(length)).startsWith("socket:");
        (socket ? u.sockets : u.otherFds) += 1;
    }
    return u;
}

} // namespace Chaos
