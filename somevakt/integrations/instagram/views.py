"""Instagram has no endpoint of its own: Meta delivers its `comments` changes to `/hooks/meta`
(somevakt.integrations.facebook.views.meta_hook), and `deliveries.parse_meta` sends a delivery
with `object: instagram` to the Instagram adapter."""

from somevakt.integrations.facebook.views import meta_hook

__all__ = ["meta_hook"]
