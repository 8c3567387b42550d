// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QObject>
#include <QString>

namespace portico::ui {

// Long-running operations in flight (provisioning a service, deleting one), independent of the
// dialog that started them: closing a wizard does not stop its operation, and the status bar
// keeps showing it. Panels report begin/progress/end; the shell displays the list.
class OperationTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationTracker)

public:
    explicit OperationTracker(QObject *parent = nullptr);
    ~OperationTracker() override;

    // Returns an id for progress()/end(). `description` is user-visible ("Creating demoazureml").
    int begin(const QString &description);
    void progress(int id, const QString &status);
    // `outcome` is user-visible ("demoazureml is ready", or the failure).
    void end(int id, bool succeeded, const QString &outcome);

    int count() const { return int(m_running.size()); }
    // "Creating demoazureml: Activating" for each operation in flight, oldest first.
    QStringList descriptions() const;

Q_SIGNALS:
    void changed();
    void finished(int id, bool succeeded, const QString &outcome);

private:
    struct Entry
    {
        QString description;
        QString status;
    };
    QMap<int, Entry> m_running;
    int m_nextId = 1;
};

} // namespace portico::ui
