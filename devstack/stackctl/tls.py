"""A throw-away CA and a server certificate per run, made with the openssl command line.

Per run, so nothing long-lived is trusted anywhere; the CA's private key is deleted once the
server certificate is signed, so the CA file handed to clients (`ca_cert` in stack.json) can
vouch for this one certificate only.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .paths import system_binary

#: Certificate lifetime. Long enough for a demo left running over a weekend.
VALID_DAYS = 7


@dataclass(frozen=True)
class TlsFiles:
    ca_cert: Path
    server_cert: Path
    server_key: Path


class TlsError(RuntimeError):
    """openssl failed; the message carries the command and its error output."""


def _openssl(args: list[str], cwd: Path) -> None:
    openssl = str(system_binary("openssl", "openssl"))
    result = subprocess.run([openssl, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise TlsError(f"openssl {args[0]} failed ({result.returncode}): {result.stderr.strip()}")


def make_certificates(tls_dir: Path, ipv6: bool = True) -> TlsFiles:
    """Create ca.pem, server.pem and server.key (SAN localhost, 127.0.0.1[, ::1]) in `tls_dir`."""
    tls_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    ca_key, ca_cert = tls_dir / "ca.key", tls_dir / "ca.pem"
    key, csr, cert = tls_dir / "server.key", tls_dir / "server.csr", tls_dir / "server.pem"
    ext = tls_dir / "server.ext"
    old_umask = os.umask(0o077)  # private keys are created 0600
    try:
        _openssl(
            [
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                str(ca_key),
                "-out",
                str(ca_cert),
                "-days",
                str(VALID_DAYS),
                "-subj",
                "/O=WhaTrack devstack/CN=WhaTrack devstack CA (per run)",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
            tls_dir,
        )
        _openssl(
            [
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                str(key),
                "-out",
                str(csr),
                "-subj",
                "/O=WhaTrack devstack/CN=localhost",
            ],
            tls_dir,
        )
        san = "DNS:localhost,IP:127.0.0.1" + (",IP:::1" if ipv6 else "")
        ext.write_text(
            f"subjectAltName={san}\n"
            "basicConstraints=critical,CA:FALSE\n"
            "keyUsage=critical,digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\n"
            "subjectKeyIdentifier=hash\n"
            "authorityKeyIdentifier=keyid,issuer\n"
        )
        _openssl(
            [
                "x509",
                "-req",
                "-in",
                str(csr),
                "-CA",
                str(ca_cert),
                "-CAkey",
                str(ca_key),
                "-set_serial",
                str(secrets.randbits(63)),
                "-days",
                str(VALID_DAYS),
                "-extfile",
                str(ext),
                "-out",
                str(cert),
            ],
            tls_dir,
        )
    finally:
        os.umask(old_umask)
        for leftover in (ca_key, csr, ext):
            leftover.unlink(missing_ok=True)
    ca_cert.chmod(0o644)
    cert.chmod(0o644)
    return TlsFiles(ca_cert=ca_cert, server_cert=cert, server_key=key)
