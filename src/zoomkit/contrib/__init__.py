"""Optional integrations with other systems, each behind its own extra (``zoomkit[redis]``).

Nothing here is imported by zoomkit itself: importing ``zoomkit`` never needs these extras.
"""
