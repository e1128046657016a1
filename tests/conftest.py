"""Every test runs offline (sockets only to loopback) with its own user library folder."""

from __future__ import annotations

import ipaddress
import socket

import pytest

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and self.family in (socket.AF_INET, socket.AF_INET6):
        try:
            allowed = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = False
        if not allowed:
            raise OSError(f"tests are offline: connection to {host} blocked")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path_factory):
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    monkeypatch.setenv("FILMCREW_HOME", str(tmp_path_factory.mktemp("filmcrew-home")))
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    yield
