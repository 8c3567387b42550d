// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QAbstractTableModel>
#include <QFile>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace portico::core {

class CsvRecordScanner;

// A batch job's results file (CSV, first record = column names) as a table that stays lazy for
// millions of rows: the file is never held in memory. open() reads the header, then indexes the
// file in chunks on later event-loop turns, keeping one byte offset per block of rowsPerBlock
// rows. The rows appear at once when indexing is done (indexed()). data() reads the block a
// row lives in from the file and keeps at most maxCachedBlocks blocks (least recently used
// first out). QtCore only: the UI puts a QTableView on it.
class BatchResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchResultsModel)

public:
    struct Options
    {
        int rowsPerBlock = 256;
        int maxCachedBlocks = 64;
        qint64 indexChunkBytes = 4 * 1024 * 1024; // per event-loop turn
        qint64 maxHeaderBytes = 1024 * 1024;
    };

    explicit BatchResultsModel(QObject *parent = nullptr);
    BatchResultsModel(Options options, QObject *parent);
    ~BatchResultsModel() override;

    // Reads the header and starts indexing; a file that cannot be opened or has no header is
    // an error here. Reading errors during indexing end in indexingFailed().
    Result<void> open(const QString &path);
    QString path() const { return m_file.fileName(); }
    bool isIndexed() const { return m_indexed; }
    QStringList columnNames() const { return m_columns; }
    // The fields of one row as the file holds them (missing trailing fields are empty).
    QStringList rowValues(int row) const;

    // What the model holds in memory, for tests and diagnostics.
    int cachedBlockCount() const { return int(m_cache.size()); }
    int maxCachedRows() const { return m_options.rowsPerBlock * m_options.maxCachedBlocks; }
    int cachedRowCount() const;
    qint64 indexedBytes() const { return m_indexedUpTo; }
    qint64 bytesReadForRows() const { return m_bytesReadForRows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void indexingProgress(qint64 bytesDone, qint64 bytesTotal);
    void indexed();
    void indexingFailed(const portico::core::Error &error);

private:
    using Row = QList<QByteArray>;
    void indexChunk();
    const Row *row(int row) const;
    QList<Row> readBlock(int block) const;

    Options m_options;
    mutable QFile m_file;
    QStringList m_columns;
    std::unique_ptr<CsvRecordScanner> m_scanner;
    QTimer m_indexTimer;
    QList<qint64> m_blockStarts; // file offset of rows 0, rowsPerBlock, 2*rowsPerBlock, ...
    qint64 m_lastRecordEnd = 0;
    qint64 m_indexedUpTo = 0;
    qint64 m_fileSize = 0;
    qint64 m_recordsSeen = 0; // header included
    int m_rows = 0;           // rows visible to views
    bool m_indexed = false;
    mutable QHash<int, QList<Row>> m_cache;
    mutable QList<int> m_recentBlocks; // most recent last
    mutable qint64 m_bytesReadForRows = 0;
};

} // namespace portico::core
