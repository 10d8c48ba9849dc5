// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Meridian.Compliance;

namespace Meridian.Testing;

/// <summary>
/// A real nginx (Debian's package) in front of a Meridian server, as a data centre runs it: TLS with a certificate
/// made here, the server under a path prefix, connecting to it from 127.0.0.2 (the address Meridian trusts).
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string Prefix = "/meridian";
    public static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.2");

    private readonly TempDirectory _folder = new();
    private readonly Process _nginx;

    public NginxProxy(Uri upstream)
    {
        Port = ServerProcess.FreePort();
        CertificateFile = _folder.Combine("cert.pem");
        WriteCertificate(CertificateFile, _folder.Combine("key.pem"));
        var configuration = _folder.Combine("nginx.conf");
        File.WriteAllText(configuration, Configuration(_folder.Path, Port, upstream));
        var start = new ProcessStartInfo("/usr/sbin/nginx", ["-p", _folder.Path, "-c", configuration, "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _nginx = Process.Start(start)!;
        WaitUntilListening();
    }

    public int Port { get; }

    /// <summary>The certificate nginx presents (PEM), for clients to trust.</summary>
    public string CertificateFile { get; }

    /// <summary>What clients use: https://localhost:PORT/meridian/.</summary>
    public Uri BaseAddress => new($"https://localhost:{Port}{Prefix}/");

    /// <summary>The nginx configuration, as the README documents it, with this test's ports and files.</summary>
    public static string Configuration(string folder, int port, Uri upstream) => $$"""
        worker_processes 1;
        {{(Environment.UserName == "root" ? "user root root;" : "")}}
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path {{folder}}/client-body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            server {
                listen 127.0.0.1:{{port}} ssl;
                server_name localhost;
                ssl_certificate {{folder}}/cert.pem;
                ssl_certificate_key {{folder}}/key.pem;
                client_max_body_size 100m;

                location {{Prefix}}/ {
                    proxy_pass http://{{upstream.Host}}:{{upstream.Port}};
                    proxy_bind 127.0.0.2;
                    proxy_http_version 1.1;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header X-Forwarded-Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_buffering off;
                    proxy_request_buffering off;
                    proxy_read_timeout 300s;
                }
            }
        }
        """;

    /// <summary>An HTTP client that trusts this proxy's certificate and follows no redirect.</summary>
    public HttpClient CreateClient()
    {
        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFile));
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public string ErrorLog => File.Exists(_folder.Combine("error.log")) ? File.ReadAllText(_folder.Combine("error.log")) : "";

    public void Dispose()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);
            _nginx.WaitForExit();
        }

        _nginx.Dispose();
        _folder.Dispose();
    }

    private static void WriteCertificate(string certificateFile, string keyFile)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }

    private void WaitUntilListening()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.False(_nginx.HasExited, $"nginx exited at start-up: {_nginx.StandardError.ReadToEnd()}\n{ErrorLog}");
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"nginx did not listen on {Port}: {ErrorLog}");
    }
}
