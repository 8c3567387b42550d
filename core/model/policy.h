// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"
#include "core/model/policyscope.h"

#include <QJsonObject>

#include <optional>

namespace portico::core {

// A policy document (PolicyContract, §3.8) at a scope. fromJson() derives `scope` from the id
// when there is one; for a body without id the caller sets it. `format` stays unset when the
// wire omits it (the service then assumes xml); effectiveFormat() applies that default.
struct Policy
{
    enum class Format { Xml, XmlLink, RawXml, RawXmlLink };

    QString id;   // RO
    QString name; // RO, always "policy" on the real service
    PolicyScope scope;
    QString value; // REQ: the XML (or a URL for the *-link formats)
    std::optional<Format> format;
    QJsonObject otherProperties;

    Format effectiveFormat() const { return format.value_or(Format::Xml); }
    // "xml", "xml-link", "rawxml", "rawxml-link"
    static QString formatName(Format format);
    static std::optional<Format> formatFromName(const QString &name);

    [[nodiscard]] static Result<Policy> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Policy &, const Policy &) = default;
};

} // namespace portico::core
