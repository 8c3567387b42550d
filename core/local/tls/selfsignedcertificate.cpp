// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/tls/selfsignedcertificate.h"

#include "core/common/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

template <auto Free>
struct Deleter
{
    template <typename T>
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;

Error opensslError(const char *what)
{
    return Error::make(Error::Kind::Storage,
                       u"Could not create the gateway certificate (%1)."_qs.arg(QLatin1StringView(what)));
}

QByteArray bioToBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

Result<QPair<QByteArray, QByteArray>> generatePem()
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslError("key");

    X509Ptr cert(X509_new());
    if (!cert)
        return opensslError("certificate");
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 3650);
    X509_set_pubkey(cert.get(), key.get());

    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("portico-local"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Portico"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    const std::pair<int, const char *> extensions[] = {
        { NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1" },
        { NID_basic_constraints, "critical,CA:FALSE" },
        { NID_key_usage, "critical,digitalSignature,keyEncipherment" },
        { NID_ext_key_usage, "serverAuth" },
    };
    for (const auto &[nid, value] : extensions) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (!ext)
            return opensslError("extension");
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return opensslError("signature");

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(certBio.get(), cert.get())
        || !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return opensslError("PEM");
    return QPair<QByteArray, QByteArray>(bioToBytes(certBio.get()), bioToBytes(keyBio.get()));
}

Result<CertificateAndKey> parsePem(const QByteArray &certPem, const QByteArray &keyPem)
{
    CertificateAndKey pair { QSslCertificate(certPem, QSsl::Pem), QSslKey(keyPem, QSsl::Ec) };
    if (pair.certificate.isNull() || pair.privateKey.isNull())
        return Error::make(Error::Kind::Storage,
                           u"The gateway certificate in the data dir is unreadable; delete "
                           "gateway-cert.pem and gateway-key.pem to create a new one."_qs);
    return pair;
}

} // namespace

QString CertificateAndKey::sha256Fingerprint() const
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

Result<CertificateAndKey> loadOrCreateGatewayCertificate(const QString &dataDir)
{
    const QDir dir(dataDir);
    QFile certFile(dir.filePath(u"gateway-cert.pem"_qs));
    QFile keyFile(dir.filePath(u"gateway-key.pem"_qs));
    if (certFile.exists() && keyFile.exists()) {
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Storage, certFile.errorString());
        return parsePem(certFile.readAll(), keyFile.readAll());
    }
    auto pem = generatePem();
    if (!pem)
        return pem.error();
    // The key first, so that a crash between the writes leaves no certificate without its key.
    if (auto written = core::writeFileAtomically(keyFile.fileName(), pem->second); !written)
        return written.error();
    if (auto written = core::writeFileAtomically(certFile.fileName(), pem->first,
                                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                     | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        !written)
        return written.error();
    return parsePem(pem->first, pem->second);
}

} // namespace portico::local
