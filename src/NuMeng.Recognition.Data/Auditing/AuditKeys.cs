using System.Security.Cryptography.X509Certificates;

namespace NuMeng.Recognition.Data.Auditing;

/// <summary>
/// The audit log's keys, both from the portal certificate kept outside the database (ADR 0010):
/// the chain's HMAC-SHA256 key = HKDF-SHA256 over the certificate's RSA private exponent (info "NuMeng.Recognition/audit-mac/v2"),
/// and the certificate's RSA key itself, which signs each checkpoint written to the anchor store (anyone holding the
/// public certificate can check a checkpoint; only the portal can write one).
/// </summary>
public sealed class AuditKeys : IDisposable
{
    private static readonly byte[] MacInfo = Encoding.UTF8.GetBytes("NuMeng.Recognition/audit-mac/v2");
    private readonly byte[] _macKey;
    private readonly RSA _rsa;

    public AuditKeys(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _rsa = certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("门户密钥证书没有 RSA 私钥 / the portal certificate has no RSA private key");
        var d = _rsa.ExportParameters(includePrivateParameters: true).D!;
        try
        {
            _macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, d, 32, salt: [], info: MacInfo);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>HMAC-SHA256 of <paramref name="content"/> (UTF-8) as 64 lower-case hex characters.</summary>
    public string Mac(string content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_macKey, Encoding.UTF8.GetBytes(content)));

    /// <summary>RSA-SHA256 (PKCS#1 v1.5) signature of <paramref name="payload"/>, base64.</summary>
    public string Sign(string payload) =>
        Convert.ToBase64String(_rsa.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public bool Verify(string payload, string signature)
    {
        Span<byte> buffer = stackalloc byte[1024];
        return Convert.TryFromBase64String(signature, buffer, out var written)
            && _rsa.VerifyData(Encoding.UTF8.GetBytes(payload), buffer[..written], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_macKey);
        _rsa.Dispose();
    }
}
