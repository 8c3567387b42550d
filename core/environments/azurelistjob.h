// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace portico::core {

class ArmListJob;

// A collection read (ArmListJob: nextLink followed to the last page) whose items become a model
// type; AzureList<T> holds the typed result. finished() is emitted exactly once, from the event
// loop (success, error, timeout, cancel, or input refused before anything was sent); the job
// deletes itself afterwards. Deleting it earlier aborts the request.
class AzureListJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AzureListJob)

public:
    ~AzureListJob() override;

    // How many pages were read (valid after finished()).
    int pageCount() const { return m_pages; }
    void cancel();

Q_SIGNALS:
    void finished();

protected:
    // Follows `inner`, which this job owns from now on.
    AzureListJob(ArmListJob *inner, QObject *parent);
    // Finishes with `error` without sending anything.
    AzureListJob(Error error, QObject *parent);

    virtual void settle(const Result<QList<QJsonObject>> &items) = 0;

private:
    void finishWith(const Result<QList<QJsonObject>> &items);

    QPointer<ArmListJob> m_inner;
    int m_pages = 0;
    bool m_finished = false;
};

template <typename T>
class AzureList final : public AzureListJob
{
public:
    using Parser = Result<T> (*)(const QJsonObject &, const QString &);

    AzureList(ArmListJob *inner, Parser parser, QObject *parent = nullptr)
        : AzureListJob(inner, parent)
        , m_parser(parser)
    {
    }
    AzureList(Error error, QObject *parent = nullptr) : AzureListJob(std::move(error), parent) { }

    // Valid once finished() was emitted. One malformed item fails the whole list with a
    // Protocol error naming it ("value[3].subscriptionId"), rather than showing a partial list.
    [[nodiscard]] const Result<QList<T>> &result() const { return *m_result; }

protected:
    void settle(const Result<QList<QJsonObject>> &items) override
    {
        if (!items) {
            m_result = items.error();
            return;
        }
        QList<T> values;
        values.reserve(items->size());
        for (qsizetype i = 0; i < items->size(); ++i) {
            auto value = m_parser(items->at(i), u"value[%1]"_qs.arg(i));
            if (!value) {
                m_result = value.error();
                return;
            }
            values.append(std::move(value).value());
        }
        m_result = std::move(values);
    }

private:
    Parser m_parser = nullptr;
    std::optional<Result<QList<T>>> m_result;
};

} // namespace portico::core
