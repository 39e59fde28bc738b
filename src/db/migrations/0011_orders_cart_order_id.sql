-- `find` (a ref that may be a cart order ID, number or EasyPost ID, with or without the cart) ORs three columns: each
-- needs an index for the planner to combine them, and the primary key leads with cart_id, not cart_order_id.
CREATE INDEX orders_cart_order_id ON orders (cart_order_id);
