"""Pictures for posts: read with Pillow, stored without their metadata.

A photo from a phone carries EXIF: the camera, the time and often where it was taken. Nothing of
it is needed to publish, and a GPS position can tell where a child lives, so the picture is
decoded and written again with its pixels only (turned the way EXIF says first). Whether the
upload carried a position is recorded, so the person is told it was removed.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The platforms' own limits are lower than this for some formats (Instagram: 8 MB JPEG).
MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}
GPS_IFD = 0x8825


class BadPicture(ValueError):
    """The upload cannot be used as a picture; the message is for the person."""


@dataclass(frozen=True)
class CleanPicture:
    content: ContentFile
    content_type: str
    width: int
    height: int
    gps_removed: bool


def clean(upload: bytes | None, name: str = "") -> CleanPicture:
    """The picture without metadata, or BadPicture saying what is wrong with it."""
    if not upload:
        raise BadPicture(_("Choose a picture to upload."))
    if len(upload) > MAX_BYTES:
        raise BadPicture(
            _("The picture is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": number_format(len(upload) / 1024 / 1024, 1), "limit": MAX_BYTES // 1024 // 1024}
        )
    try:
        with Image.open(io.BytesIO(upload)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(upload))
        if image.format not in FORMATS:
            raise BadPicture(_("Only JPEG and PNG pictures can be published."))
        if image.width * image.height > MAX_PIXELS:
            raise BadPicture(_("The picture has too many pixels; make it smaller first."))
        gps = bool(image.getexif().get_ifd(GPS_IFD))
        content_type, extension = FORMATS[image.format]
        upright = ImageOps.exif_transpose(image)
        out = io.BytesIO()
        if image.format == "JPEG":
            upright.convert("RGB").save(out, "JPEG", quality=90)
        else:
            upright.save(out, "PNG")
    except BadPicture:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, SyntaxError):
        raise BadPicture(_("The file is not a picture that can be read (JPEG or PNG).")) from None
    data = out.getvalue()
    stored_name = hashlib.sha256(data).hexdigest()[:24] + "." + extension
    return CleanPicture(ContentFile(data, name=stored_name), content_type, upright.width, upright.height, gps)
