// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The gateway's HTTP/1.1 request-head parser, body framing and chunked decoder on arbitrary
// bytes, fed in two pieces so that incremental parsing is exercised.

#include "core/local/gateway/httpmessage.h"
#include "tests/fuzz/fuzzmain.h"

#include <cstdlib>

using namespace portico::local;

const char *const kFuzzSeeds[] = {
    "GET /echo/items/1?x=1 HTTP/1.1\r\nHost: a\r\nOcp-Apim-Subscription-Key: k\r\n\r\n",
    "POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nT: v\r\n\r\n",
    "POST /u HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.0\r\n\r\n",
    "PUT /x HTTP/1.1\r\nContent-Length: 1, 1\r\nConnection: keep-alive, X\r\nX: y\r\n\r\nz",
    nullptr,
};

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpRequestHead head;
    HttpLimits limits;
    limits.maxRequestLine = 256;
    limits.maxHeaderBytes = 1024;
    const HeadParseResult r = parseRequestHead(input, head, limits);
    if (r.status != ParseStatus::Complete)
        return 0;
    if (r.consumed > input.size())
        std::abort();
    stripHopByHop(head.headers);
    BodyFraming framing;
    if (!requestBodyFraming(head, framing))
        return 0;
    BodyDecoder decoder;
    decoder.reset(framing);
    const QByteArrayView body = input.sliced(r.consumed);
    const qsizetype half = body.size() / 2;
    QByteArray out;
    qsizetype consumed = 0;
    auto state = decoder.feed(body.first(half), consumed, out, 1 << 16);
    if (consumed > half)
        std::abort();
    if (state == BodyDecoder::State::NeedMore) {
        qsizetype more = 0;
        state = decoder.feed(body.sliced(consumed), more, out, 1 << 16);
        if (consumed + more > body.size())
            std::abort();
    }
    if (framing.kind == BodyFraming::Kind::Length && out.size() > framing.length)
        std::abort();
    return 0;
}
