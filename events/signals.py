"""Signal wiring of the programme: no rules here, only calls to the services."""


def promote_waiting_list_after_publish(sender, instance, **kwargs):
    """An event page was published: an editor may have raised its capacity (or a session's), so the seats
    freed go to those waiting (``services.waiting_list_promote``: under the event lock, in the publishing
    transaction, the e-mails after it commits)."""
    from . import services

    services.waiting_list_promote(event=instance)
