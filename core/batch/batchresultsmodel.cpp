// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/batchresultsmodel.h"

#include "core/common/csvreader.h"
#include "core/common/csvrecordscanner.h"

#include <limits>

namespace portico::core {

namespace {

constexpr QByteArrayView utf8Bom("\xEF\xBB\xBF");

} // namespace

BatchResultsModel::BatchResultsModel(QObject *parent)
    : BatchResultsModel(Options {}, parent)
{
}

BatchResultsModel::BatchResultsModel(Options options, QObject *parent)
    : QAbstractTableModel(parent)
    , m_options(options)
{
    m_options.rowsPerBlock = qMax(1, m_options.rowsPerBlock);
    m_options.maxCachedBlocks = qMax(1, m_options.maxCachedBlocks);
    m_options.indexChunkBytes = qMax<qint64>(4096, m_options.indexChunkBytes);
    m_indexTimer.setSingleShot(true);
    connect(&m_indexTimer, &QTimer::timeout, this, &BatchResultsModel::indexChunk);
}

BatchResultsModel::~BatchResultsModel() = default;

Result<void> BatchResultsModel::open(const QString &path)
{
    beginResetModel();
    m_indexTimer.stop();
    m_file.close();
    m_columns.clear();
    m_blockStarts.clear();
    m_cache.clear();
    m_recentBlocks.clear();
    m_scanner.reset();
    m_rows = 0;
    m_recordsSeen = 0;
    m_lastRecordEnd = 0;
    m_indexed = false;
    m_bytesReadForRows = 0;
    endResetModel();

    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Kind::Storage,
                           u"Cannot open the results file %1: %2"_qs.arg(path, m_file.errorString()));
    }
    m_fileSize = m_file.size();

    // The header: the first record, read in pieces until it is complete.
    QStringList header;
    bool haveHeader = false;
    CsvReader reader([&](const QList<QByteArray> &fields, int count) {
        if (haveHeader)
            return;
        haveHeader = true;
        for (int i = 0; i < count; ++i)
            header.append(QString::fromUtf8(fields.at(i)));
    });
    qint64 read = 0;
    while (!haveHeader && read < m_options.maxHeaderBytes) {
        const QByteArray piece = m_file.read(64 * 1024);
        if (piece.isEmpty())
            break;
        read += piece.size();
        reader.feed(piece);
    }
    if (!haveHeader && m_file.atEnd())
        reader.finish();
    if (!haveHeader) {
        m_file.close();
        return Error::make(Error::Kind::Protocol,
                           read == 0 ? u"The results file %1 is empty: it has no header row."_qs.arg(path)
                                     : u"The results file %1 has no complete header row in its first %2 bytes."_qs
                                           .arg(path)
                                           .arg(m_options.maxHeaderBytes));
    }

    m_file.seek(0);
    const qint64 start = m_file.peek(3) == utf8Bom ? 3 : 0;
    m_scanner = std::make_unique<CsvRecordScanner>(
        [this](qint64 recordStart, qint64 recordEnd) {
            const qint64 dataRow = m_recordsSeen++ - 1; // record 0 is the header
            if (dataRow < 0)
                return;
            if (dataRow % m_options.rowsPerBlock == 0)
                m_blockStarts.append(recordStart);
            m_lastRecordEnd = recordEnd;
        },
        start);
    m_indexedUpTo = start;

    beginInsertColumns({}, 0, int(header.size()) - 1);
    m_columns = header;
    endInsertColumns();
    m_indexTimer.start(0);
    return {};
}

void BatchResultsModel::indexChunk()
{
    if (!m_scanner || m_indexed)
        return;
    if (!m_file.seek(m_indexedUpTo)) {
        Q_EMIT indexingFailed(Error::make(Error::Kind::Storage,
                                          u"Cannot read the results file %1: %2"_qs.arg(
                                              m_file.fileName(), m_file.errorString())));
        return;
    }
    const QByteArray chunk = m_file.read(m_options.indexChunkBytes);
    if (chunk.isEmpty() && !m_file.atEnd()) {
        Q_EMIT indexingFailed(Error::make(Error::Kind::Storage,
                                          u"Cannot read the results file %1: %2"_qs.arg(
                                              m_file.fileName(), m_file.errorString())));
        return;
    }
    m_scanner->feed(chunk);
    m_indexedUpTo += chunk.size();
    const bool atEnd = chunk.size() < m_options.indexChunkBytes || m_indexedUpTo >= m_fileSize;
    if (!atEnd) {
        Q_EMIT indexingProgress(m_indexedUpTo, m_fileSize);
        m_indexTimer.start(0);
        return;
    }
    m_scanner->finish();
    m_scanner.reset();
    const qint64 rows = qMin<qint64>(m_recordsSeen - 1, std::numeric_limits<int>::max());
    m_indexed = true;
    if (rows > 0) {
        beginInsertRows({}, 0, int(rows) - 1);
        m_rows = int(rows);
        endInsertRows();
    }
    Q_EMIT indexingProgress(m_indexedUpTo, m_fileSize);
    Q_EMIT indexed();
}

QList<BatchResultsModel::Row> BatchResultsModel::readBlock(int block) const
{
    QList<Row> rows;
    const qint64 start = m_blockStarts.at(block);
    const qint64 end = block + 1 < m_blockStarts.size() ? m_blockStarts.at(block + 1) : m_lastRecordEnd;
    if (!m_file.seek(start))
        return rows;
    const QByteArray bytes = m_file.read(end - start);
    m_bytesReadForRows += bytes.size();
    rows.reserve(m_options.rowsPerBlock);
    CsvReader reader([&rows](const QList<QByteArray> &fields, int count) {
        rows.append(fields.mid(0, count));
    });
    reader.feed(bytes);
    reader.finish();
    return rows;
}

const BatchResultsModel::Row *BatchResultsModel::row(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const int block = row / m_options.rowsPerBlock;
    auto it = m_cache.find(block);
    if (it == m_cache.end()) {
        while (m_cache.size() >= m_options.maxCachedBlocks && !m_recentBlocks.isEmpty())
            m_cache.remove(m_recentBlocks.takeFirst());
        it = m_cache.insert(block, readBlock(block));
    } else {
        m_recentBlocks.removeOne(block);
    }
    m_recentBlocks.append(block);
    const int inBlock = row % m_options.rowsPerBlock;
    return inBlock < it->size() ? &it->at(inBlock) : nullptr;
}

int BatchResultsModel::cachedRowCount() const
{
    int rows = 0;
    for (const auto &block : std::as_const(m_cache))
        rows += int(block.size());
    return rows;
}

QStringList BatchResultsModel::rowValues(int rowIndex) const
{
    QStringList values;
    const Row *fields = row(rowIndex);
    if (!fields)
        return values;
    values.reserve(m_columns.size());
    for (int c = 0; c < m_columns.size(); ++c)
        values.append(c < fields->size() ? QString::fromUtf8(fields->at(c)) : QString());
    return values;
}

int BatchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BatchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant BatchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Row *fields = row(index.row());
    if (!fields || index.column() >= fields->size())
        return QString();
    return QString::fromUtf8(fields->at(index.column()));
}

QVariant BatchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < m_columns.size() ? QVariant(m_columns.at(section)) : QVariant();
    return section >= 0 && section < m_rows ? QVariant(section + 1) : QVariant();
}

} // namespace portico::core
