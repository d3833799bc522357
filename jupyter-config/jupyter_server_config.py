"""JupyterLab's server for `make lab`: send the kernel's replies at once.

An explorer's slider sends each move to the kernel over a websocket, and the
kernel's answer comes back as a few small messages. Without TCP_NODELAY the
operating system holds a small write back until the browser acknowledges the
one before it, which browsers delay by up to 40 ms: every move waited for
that. Setting TCP_NODELAY on each kernel websocket sends them at once.
(The settings in jupyter_server_config.json apply as well.)
"""

from jupyter_server.services.kernels.connection.channels import (
    ZMQChannelsWebsocketConnection,
)


class NoDelayKernelConnection(ZMQChannelsWebsocketConnection):
    """The standard kernel websocket connection, with Nagle's algorithm off."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)
        return super().connect()


c = get_config()  # noqa: F821 (Jupyter's config loader provides it)
c.ServerApp.kernel_websocket_connection_class = NoDelayKernelConnection
