// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/store/odatafilter.h"

namespace portico::local {

using core::Error;
using core::Result;

namespace {

struct Token
{
    enum Type { End, Name, String, Number, LParen, RParen, Comma } type = End;
    QString text;
    qsizetype position = 0;
};

class Parser
{
public:
    Parser(const QString &text, const QHash<QString, QString> &fields)
        : m_text(text)
        , m_fields(fields)
    {
    }

    Result<ODataFilter::Sql> parse()
    {
        if (!advance())
            return m_error;
        QString where;
        if (!expression(where))
            return m_error;
        if (m_token.type != Token::End) {
            fail(u"unexpected '%1'"_qs.arg(m_token.text));
            return m_error;
        }
        return ODataFilter::Sql { where, m_binds };
    }

private:
    bool fail(const QString &what)
    {
        m_error = Error::make(Error::Kind::InvalidInput,
                              u"Invalid $filter at position %1: %2."_qs.arg(m_token.position + 1)
                                  .arg(what),
                              u"ValidationError"_qs);
        m_error.target = u"$filter"_qs;
        return false;
    }

    bool advance()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        m_token = Token {};
        m_token.position = m_pos;
        if (m_pos >= m_text.size())
            return true;
        const QChar c = m_text.at(m_pos);
        if (c == u'(' || c == u')' || c == u',') {
            m_token.type = c == u'(' ? Token::LParen : c == u')' ? Token::RParen : Token::Comma;
            m_token.text = c;
            ++m_pos;
            return true;
        }
        if (c == u'\'') {
            QString value;
            ++m_pos;
            while (true) {
                if (m_pos >= m_text.size())
                    return fail(u"unterminated string"_qs);
                if (m_text.at(m_pos) == u'\'') {
                    if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\'') {
                        value += u'\'';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    break;
                }
                value += m_text.at(m_pos++);
            }
            m_token.type = Token::String;
            m_token.text = value;
            return true;
        }
        if (c.isDigit() || c == u'-') {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == u'.'))
                ++m_pos;
            m_token.type = Token::Number;
            m_token.text = m_text.mid(start, m_pos - start);
            return true;
        }
        if (c.isLetter() || c == u'_' || c == u'$') {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size()
                   && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'
                       || m_text.at(m_pos) == u'/' || m_text.at(m_pos) == u'.'))
                ++m_pos;
            m_token.type = Token::Name;
            m_token.text = m_text.mid(start, m_pos - start);
            return true;
        }
        return fail(u"unexpected character '%1'"_qs.arg(c));
    }

    bool isKeyword(const char *word) const
    {
        return m_token.type == Token::Name
            && m_token.text.compare(QLatin1StringView(word), Qt::CaseInsensitive) == 0;
    }

    bool expression(QString &out)
    {
        if (!andExpression(out))
            return false;
        while (isKeyword("or")) {
            if (!advance())
                return false;
            QString right;
            if (!andExpression(right))
                return false;
            out = u"(%1 OR %2)"_qs.arg(out, right);
        }
        return true;
    }

    bool andExpression(QString &out)
    {
        if (!unary(out))
            return false;
        while (isKeyword("and")) {
            if (!advance())
                return false;
            QString right;
            if (!unary(right))
                return false;
            out = u"(%1 AND %2)"_qs.arg(out, right);
        }
        return true;
    }

    bool unary(QString &out)
    {
        if (isKeyword("not")) {
            if (!advance() || !unary(out))
                return false;
            out = u"(NOT %1)"_qs.arg(out);
            return true;
        }
        if (m_token.type == Token::LParen) {
            if (!advance() || !expression(out))
                return false;
            if (m_token.type != Token::RParen)
                return fail(u"expected ')'"_qs);
            return advance();
        }
        return primary(out);
    }

    bool field(QString &sql)
    {
        if (m_token.type != Token::Name)
            return fail(u"expected a field name"_qs);
        const auto it = m_fields.constFind(m_token.text);
        if (it == m_fields.constEnd()) {
            QStringList names = m_fields.keys();
            names.sort();
            return fail(u"'%1' cannot be filtered on here; the fields are %2"_qs.arg(
                m_token.text, names.join(u", "_qs)));
        }
        sql = *it;
        return advance();
    }

    bool literal(QVariant &value)
    {
        switch (m_token.type) {
        case Token::String:
            value = m_token.text;
            break;
        case Token::Number:
            value = m_token.text.toDouble();
            break;
        case Token::Name:
            if (isKeyword("true") || isKeyword("false"))
                value = isKeyword("true") ? 1 : 0;
            else if (isKeyword("null"))
                value = QVariant();
            else
                return fail(u"expected a value, found '%1'"_qs.arg(m_token.text));
            break;
        default:
            return fail(u"expected a value"_qs);
        }
        return advance();
    }

    static QString likeEscape(const QString &text)
    {
        QString escaped = text;
        escaped.replace(u'\\', u"\\\\"_qs).replace(u'%', u"\\%"_qs).replace(u'_', u"\\_"_qs);
        return escaped;
    }

    bool primary(QString &out)
    {
        if (m_token.type != Token::Name)
            return fail(u"expected a condition"_qs);
        const QString function = m_token.text.toLower();
        static const QStringList functions { u"contains"_qs, u"startswith"_qs, u"endswith"_qs,
                                             u"substringof"_qs };
        const qsizetype save = m_pos;
        const Token saved = m_token;
        if (functions.contains(function)) {
            if (!advance())
                return false;
            if (m_token.type == Token::LParen) {
                if (!advance())
                    return false;
                QString column;
                QVariant value;
                if (function == u"substringof"_qs) {
                    if (!literal(value))
                        return false;
                    if (m_token.type != Token::Comma)
                        return fail(u"expected ','"_qs);
                    if (!advance() || !field(column))
                        return false;
                } else {
                    if (!field(column))
                        return false;
                    if (m_token.type != Token::Comma)
                        return fail(u"expected ','"_qs);
                    if (!advance() || !literal(value))
                        return false;
                }
                if (m_token.type != Token::RParen)
                    return fail(u"expected ')'"_qs);
                const QString text = likeEscape(value.toString());
                const QString pattern = function == u"startswith"_qs ? QString(text + u'%')
                    : function == u"endswith"_qs ? QString(u'%' + text)
                                                 : QString(u'%' + text + u'%');
                out = u"(%1 LIKE ? ESCAPE '\\')"_qs.arg(column);
                m_binds.append(pattern);
                return advance();
            }
            m_pos = save; // a field that happens to be named like a function
            m_token = saved;
        }
        QString column;
        if (!field(column))
            return false;
        static const QHash<QString, QString> operators {
            { u"eq"_qs, u"="_qs }, { u"ne"_qs, u"<>"_qs }, { u"gt"_qs, u">"_qs },
            { u"ge"_qs, u">="_qs }, { u"lt"_qs, u"<"_qs }, { u"le"_qs, u"<="_qs },
        };
        const QString op = operators.value(m_token.text.toLower());
        if (m_token.type != Token::Name || op.isEmpty())
            return fail(u"expected eq, ne, gt, ge, lt or le"_qs);
        if (!advance())
            return false;
        QVariant value;
        if (!literal(value))
            return false;
        if (value.isNull()) {
            out = u"(%1 IS %2NULL)"_qs.arg(column, op == u"="_qs ? QString() : u"NOT "_qs);
            return true;
        }
        const bool text = value.typeId() == QMetaType::QString;
        out = u"(%1 %2 ?%3)"_qs.arg(column, op, text ? u" COLLATE NOCASE"_qs : QString());
        m_binds.append(value);
        return true;
    }

    const QString &m_text;
    const QHash<QString, QString> &m_fields;
    qsizetype m_pos = 0;
    Token m_token;
    QVariantList m_binds;
    Error m_error;
};

} // namespace

Result<ODataFilter::Sql> ODataFilter::toSql(const QString &filter,
                                            const QHash<QString, QString> &fields)
{
    if (filter.trimmed().isEmpty())
        return Sql {};
    Parser parser(filter, fields);
    return parser.parse();
}

} // namespace portico::local
