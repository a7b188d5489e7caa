#include "models/cache/privatefiles.h"

#include "models/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace WhaTrack::PrivateFiles {

bool ensureDirectory(const QString& dir, bool tightenExisting)
{
    if (dir.isEmpty())
        return false;
    const bool existed = QFileInfo(dir).isDir();
    if (!existed && !QDir().mkpath(dir)) {
        qCWarning(lcCache) << "cannot create the folder" << dir;
        return false;
    }
    if ((!existed || tightenExisting) && !QFile::setPermissions(dir, kDirMode)) {
        qCWarning(lcCache) << "cannot make the folder" << dir << "private";
        return false;
    }
    return true;
}

bool ensureFile(const QString& path)
{
    QFile file(path);
    if (!file.exists()) {
        // Created with the final mode: there is no moment where it is readable by others.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kFileMode)) {
            qCWarning(lcCache) << "cannot create" << path << ":" << file.errorString();
            return false;
        }
        file.close();
    }
    if (!QFile::setPermissions(path, kFileMode)) {
        qCWarning(lcCache) << "cannot make" << path << "private";
        return false;
    }
    return true;
}

void restrictIfExists(const QString& path)
{
    if (QFile::exists(path))
        QFile::setPermissions(path, kFileMode);
}

} // namespace WhaTrack::PrivateFiles
