"""The ASiC-E container (ETSI TS 102 918) a Fiks IO message carries, signed with CAdES.

    mimetype                     "application/vnd.etsi.asic-e+zip", first and stored uncompressed
    arkivmelding.xml, ...        the payload files
    META-INF/asicmanifest.xml    an ASiCManifest: each payload file's SHA-256, and the signature
    META-INF/signature.p7s       CMS SignedData over the manifest (detached), with the chain

This is the layout KS's Fiks IO clients write (their ASiC-E libraries sign with CAdES), so an
archive system's Fiks IO client opens it as it opens theirs. `open_container` checks the layout and
every digest in the manifest; the signature over the manifest is returned for checking with the
sender's certificate (`signature.verify`).

What other writers do, and `open_container` therefore takes: KS's .NET library names the signature
`META-INF/signature-<uuid>.p7s` (found through the manifest's SigReference) and writes the manifest
in the namespace `http://uri.etsi.org/2918/v1.2.1#` (without the 0 of ETSI's own); digests may be
SHA-384 or SHA-512 as well as SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7
from lxml import etree

from somevakt.archive.transports.fiksio.certificates import Identity

MIMETYPE = b"application/vnd.etsi.asic-e+zip"
MANIFEST = "META-INF/asicmanifest.xml"
SIGNATURE = "META-INF/signature.p7s"
ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#"
# What KS's .NET ASiC-E library writes, and the older ASiC manifest's namespace, both of which
# its reader takes as ETSI's.
ASIC_NS_KS_DOTNET = "http://uri.etsi.org/2918/v1.2.1#"
ASIC_NAMESPACES = frozenset(
    {ASIC_NS, ASIC_NS_KS_DOTNET, "http://uri.etsi.org/02918/v1.1.1#", "http://uri.etsi.org/2918/v1.1.1#"}
)
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
_DIGESTS = {
    SHA256: "sha256",
    "http://www.w3.org/2000/09/xmldsig#sha256": "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}


class ContainerError(ValueError):
    """Not a usable ASiC-E container; the message says why."""


@dataclass(frozen=True)
class Container:
    files: dict[str, bytes]  # the payload files, in container order
    manifest: bytes
    signature: bytes


def _mime(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".xml"):
        return "application/xml"
    if lowered.endswith(".pdf"):
        return "application/pdf"
    return "application/octet-stream"


def manifest_for(files: list[tuple[str, bytes]]) -> bytes:
    root = etree.Element(f"{{{ASIC_NS}}}ASiCManifest", nsmap={None: ASIC_NS, "ds": DS_NS})
    etree.SubElement(
        root, f"{{{ASIC_NS}}}SigReference", URI=SIGNATURE, MimeType="application/x-pkcs7-signature"
    )
    for index, (name, content) in enumerate(files):
        reference = etree.SubElement(
            root, f"{{{ASIC_NS}}}DataObjectReference", URI=name, MimeType=_mime(name)
        )
        if index == 0:  # the main document, as KS's Java client marks it (its root entry)
            reference.set("Rootfile", "true")
        etree.SubElement(reference, f"{{{DS_NS}}}DigestMethod", Algorithm=SHA256)
        etree.SubElement(reference, f"{{{DS_NS}}}DigestValue").text = base64.b64encode(
            hashlib.sha256(content).digest()
        ).decode("ascii")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def sign(manifest: bytes, identity: Identity) -> bytes:
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(manifest)
        .add_signer(identity.certificate, identity.key, hashes.SHA256())
    )
    for certificate in identity.chain:
        builder = builder.add_certificate(certificate)
    return builder.sign(
        serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
    )


def build(files: list[tuple[str, bytes]], identity: Identity) -> bytes:
    """The signed container of `files` ([(name, content)], the main file first)."""
    names = [name for name, _ in files]
    if len(set(names)) != len(names) or any(n == "mimetype" or n.startswith("META-INF/") for n in names):
        raise ContainerError("the payload file names must be unique and not reserved")
    manifest = manifest_for(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, content in files:
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo(MANIFEST), manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            zipfile.ZipInfo(SIGNATURE), sign(manifest, identity), compress_type=zipfile.ZIP_DEFLATED
        )
    return buffer.getvalue()


def open_container(data: bytes, *, max_bytes: int = 200 * 1024 * 1024) -> Container:
    """The payload of a container, after checking its layout and every digest in its manifest."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ContainerError("the payload is not an ASiC-E container (not a zip file)") from None
    with archive:
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > max_bytes:
            raise ContainerError("the container is larger than allowed")
        contents = {info.filename: archive.read(info) for info in infos if not info.is_dir()}
    if contents.get("mimetype") not in (MIMETYPE, None):
        raise ContainerError("the container's mimetype is not ASiC-E")
    manifest = contents.get(MANIFEST)
    if manifest is None:
        raise ContainerError(f"the container has no {MANIFEST}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(manifest, parser)
    except etree.XMLSyntaxError as exc:
        raise ContainerError(f"the container's manifest is not XML: {exc}") from None
    ns = etree.QName(root).namespace
    if ns not in ASIC_NAMESPACES or etree.QName(root).localname != "ASiCManifest":
        raise ContainerError("the container's manifest is not an ASiCManifest")
    payload = {
        name: content
        for name, content in contents.items()
        if name != "mimetype" and not name.startswith("META-INF/")
    }
    listed: dict[str, bytes] = {}
    for reference in root.iter(f"{{{ns}}}DataObjectReference"):
        name = reference.get("URI") or ""
        method = reference.find(f"{{{DS_NS}}}DigestMethod")
        value = reference.findtext(f"{{{DS_NS}}}DigestValue") or ""
        if name not in payload:
            raise ContainerError(f"the manifest lists {name!r}, which is not in the container")
        algorithm = _DIGESTS.get(method.get("Algorithm") or "") if method is not None else None
        if algorithm is None:
            raise ContainerError(f"the manifest's digest of {name!r} is not SHA-256, -384 or -512")
        if base64.b64decode(value) != hashlib.new(algorithm, payload[name]).digest():
            raise ContainerError(f"{name!r} does not match its digest in the manifest")
        listed[name] = payload[name]
    unlisted = sorted(set(payload) - set(listed))
    if unlisted:
        raise ContainerError(f"the manifest does not list {', '.join(unlisted)}")
    reference = root.find(f"{{{ns}}}SigReference")
    signature_name = (reference.get("URI") or "") if reference is not None else SIGNATURE
    signature = contents.get(signature_name, b"")
    if not signature:
        raise ContainerError(f"the container has no signature ({signature_name or 'none named'})")
    return Container(files=payload, manifest=manifest, signature=signature)
